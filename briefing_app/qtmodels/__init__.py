"""Thin Qt item models over the domain."""
