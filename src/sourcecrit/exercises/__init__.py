"""sourcecrit.exercises"""
