"""The reading view: the article text, its highlights, tooltips, find bar, legend and offsets."""
