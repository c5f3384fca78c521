"""A small FastAPI service, before and after the fix aiplint suggests (see README.md)."""
