"""The only package that knows spaCy: pipeline loading, components, Doc -> Analysis."""
