"""Data shipped with mumidesk - fonts, agreement templates, demo data, icons - installed as the
package `mumidesk.assets` (setup.py) and read through `mumidesk.resources`."""
