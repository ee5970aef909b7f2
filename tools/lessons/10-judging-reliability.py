# %% [markdown]
# # Lesson 10 · Judging reliability
#
# **I can…**
# - make and record the checking moves of SIFT, with evidence;
# - give a verdict with a confidence and a reason, and see how my belief changed.
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
from sourcecrit.widgets import learner
from sourcecrit.widgets.lesson import ask

article = lesson_article()
analysis = sourcecrit.analyze(article)
flagship = is_flagship(article)
learner()

# %% [markdown]
# ## Remember last time

# %%
ask("l01-recall-first-read")

# %% [markdown]
# ## The checklist
#
# Each question asks what you **did** (with a link or evidence) and what you **found**.
# The score counts how thoroughly you checked, never whether the answer was "good". It
# ends with your verdict, which is not scored.

# %%
from sourcecrit.widgets import checklist_form

checklist_form("sift", analysis)

# %% [markdown]
# ## Machine check
#
# The closing paragraph says \"increasingly frequent statements\" without saying whose. Does the machine agree that this is a weasel phrase?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    analysis,
    sentence="increasingly frequent statements",
    key=[("increasingly frequent statements", "weasel")],
    layer="certainty",
)

# %% [markdown]
# ## Your belief, after checking
#
# Your estimate from lesson 00 is shown. Give your new one, with a reason.

# %%
from sourcecrit.widgets.tracing import belief_check

belief_check(analysis, key="belief")

# %%
ask("l10-verdict", article=analysis)

# %% [markdown]
# ## What next
#
# Lesson 11: **your event, your outlets**. Apply the method to an article you choose.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
