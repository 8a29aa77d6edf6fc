"""Measuring and print tools (benchmark, Lighthouse, PDF, screenshots, readability).
The pipeline never imports them."""
