"""Qt widgets of Pantau; the only package (with main.py and columns/) that imports Qt."""
