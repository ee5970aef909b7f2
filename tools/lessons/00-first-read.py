# %% [markdown]
# # Lesson 00 · First read
#
# **I can…**
# - read a news article once, slowly, before anyone tells me what to think of it;
# - say what I believe after a first read, from 0 to 100, and why.
#
# *On Binder, your work lives in a temporary computer. At the end of the lesson, hand it
# in or download it (last cell). The [glossary](glossary.md) explains every term.*

# %% [markdown]
# ## Who are you?
#
# Type your name and press **Save name**. Your answers are saved under it.

# %%
import sourcecrit
from sourcecrit.course import lesson_article
from sourcecrit.widgets import learner

learner()

# %% [markdown]
# ## The article
#
# A teacher can choose another article: put a file path or web address between the
# brackets, e.g. `lesson_article("my-article.txt")`.

# %%
article = lesson_article()
analysis = sourcecrit.analyze(article)
sourcecrit.viz.highlight(analysis, layers=())

# %% [markdown]
# Read it once, to the end. Nothing is marked: this is your own first reading.

# %% [markdown]
# ## Your first impression
#
# In two or three sentences: what is this article telling you, and how did it make you
# feel?

# %%
from sourcecrit.widgets.lesson import write_then_reveal

write_then_reveal(
    "What is the article telling you, and how did it make you feel?",
    "There is no single right answer here. A careful first reading notes the main claim "
    "(for the flagship: NATO soldiers are in Ukraine 'but not as military personnel'), "
    "who makes it (one retired colonel), and a feeling (alarm, doubt, curiosity) to watch "
    "for later: strong feelings are a reason to slow down.",
    key="l00-impression",
    article=analysis,
)

# %% [markdown]
# ## How much do you believe it?
#
# Move the slider: 0 means *surely false*, 100 *surely true*. Say why, then save. You
# will come back to this number in lesson 10, after checking.

# %%
from sourcecrit.widgets.tracing import belief_check

belief_check(analysis, key="belief")

# %% [markdown]
# ## What next
#
# Lesson 01 asks the first question of source criticism: **who says so?**
#
# **Hand in** (on Binder, do this before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
