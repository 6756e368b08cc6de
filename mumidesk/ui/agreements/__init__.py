"""The agreements area's own widgets: the lifecycle panel and the step dialogs."""
