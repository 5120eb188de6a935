"""Playbook's handbook layer: data loading and validation, the model, the macros pages call, and the render step
that writes what the engine builds (macros/render.py). `python -m macros` is its command line."""
