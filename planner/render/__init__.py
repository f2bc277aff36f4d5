"""Printing plans: ``document`` decides what a handout says, ``pdf`` lays it out with reportlab.

Nothing is imported here so that ``import planner.render.theme`` (the CLI checking --theme)
never pulls in reportlab.
"""
