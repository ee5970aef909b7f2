"""sourcecrit.viz"""
