"""Demo content for development: a believable Portal KIM in one command (load_demo)."""
