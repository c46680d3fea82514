"""The command-line commands that need no window: each module runs one."""
