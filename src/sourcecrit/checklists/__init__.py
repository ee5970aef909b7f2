"""sourcecrit.checklists"""
