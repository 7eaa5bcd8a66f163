"""Tests of the summit_figures component, one module per stage."""
