"""Files in and out: article loaders, the project file, the Word export."""
