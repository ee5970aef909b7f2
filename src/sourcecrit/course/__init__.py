"""What the lessons share: the lesson's article, the glossary, the context card, the quiz.

from sourcecrit.course import lesson_article, glossary
article = lesson_article()   # the flagship, or $SOURCECRIT_LESSON_ARTICLE
"""

from sourcecrit.course.materials import (
    LESSON_ARTICLE_ENV,
    Markdown,
    context_card,
    glossary,
    is_flagship,
    lesson_article,
    opening,
    second_account,
)
from sourcecrit.course.prebunking import (
    NO_TRICK,
    Discernment,
    QuizItem,
    Technique,
    discernment,
    quiz_items,
    techniques,
)

__all__ = [
    "NO_TRICK",
    "LESSON_ARTICLE_ENV",
    "Discernment",
    "Markdown",
    "QuizItem",
    "Technique",
    "context_card",
    "discernment",
    "glossary",
    "is_flagship",
    "lesson_article",
    "opening",
    "quiz_items",
    "second_account",
    "techniques",
]
