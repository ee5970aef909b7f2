"""sourcecrit.widgets"""
