"""`slant train NAME`: reproduce each model shipped in slant/data/."""
