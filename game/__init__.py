"""Degrees of Risk: a projector game against human trafficking."""
