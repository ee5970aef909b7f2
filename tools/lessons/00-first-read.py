# %% [markdown]
# # Lesson 00 · First read
#
# **I can…**
# - read a news article once, slowly, before anyone tells me what to think of it;
# - say how much I believe it, from 0 to 100, and why.
#
# *On Binder your work lives in a temporary computer: hand it in or download it at the end
# (last cell). Words in bold are explained in the [glossary](glossary.md).*

# %% [markdown]
# ## Before you start
#
# Type your name (once per session) and run the cell below. A teacher can choose another
# article: put a file path or web address in `lesson_article(...)`, or set
# `SOURCECRIT_LESSON_ARTICLE` before starting JupyterLab.

# %%
import sourcecrit
from sourcecrit.course import is_flagship, lesson_article
from sourcecrit.viz import highlight
from sourcecrit.widgets import learner
from sourcecrit.widgets.lesson import ask

article = lesson_article()
analysis = sourcecrit.analyze(article)
flagship = is_flagship(article)
learner()

# %% [markdown]
# ## The article
#
# Read it once, to the end. Nothing is marked: this is your own first reading.

# %%
highlight(analysis, layers=())

# %% [markdown]
# ## Your first impression

# %%
ask("l00-impression", article=analysis)

# %% [markdown]
# ## How much do you believe it?
#
# 0 means *surely false*, 100 *surely true*. Say why, then save. You will come back to
# this number in lesson 10, after checking.

# %%
from sourcecrit.widgets.tracing import belief_check

belief_check(analysis, key="belief")

# %% [markdown]
# ## What next
#
# Lesson 01 asks the first question of source criticism: **who says so?**
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
