"""Articles in: loading folders and files, importing web pages, making text safe to show."""
