"""Reference data of the own side: the region and its municipalities with their bodies."""
