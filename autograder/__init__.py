"""Etika AI grading pipeline built on nbgrader."""
