# %% [markdown]
# # Lesson 09 · Prebunking
#
# **I can…**
# - recognise five manipulation techniques in new examples;
# - tell manipulative posts from honest ones, without calling everything fake.
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
ask("l04-recall-verbs")

# %% [markdown]
# ## Quiz 1: before the lesson
#
# For each post, name the trick, or say it is an honest post. Then score it. Your score is
# **discernment**: tricks spotted minus false alarms. Calling everything a trick scores 0.

# %%
from sourcecrit.widgets.lesson import prebunking_quiz

prebunking_quiz("before")

# %% [markdown]
# ## The techniques

# %%
import pandas as pd

from sourcecrit.course import techniques

pd.DataFrame(
    [{"Technique": t.name, "How it works": t.explanation} for t in techniques().values()]
).style.hide(axis="index")

# %% [markdown]
# ## In our article
#
# Look for: a title that does the work of evidence ("Retired NATO Colonel"), emotion put in
# someone else's mouth ("Oh, nightmare"), and euphemism ("special operation"). Which
# technique is each? Are they tricks here, or fair reporting of what someone said?

# %% [markdown]
# ## Machine check
#
# \"Believe me\" asks for trust instead of giving evidence. Does the machine mark it, and what does it call it?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    analysis,
    sentence="Believe me",
    key=[("Believe me", "booster")],
    layer="certainty",
)

# %% [markdown]
# ## Quiz 2: after the lesson
#
# New posts, the same techniques. Did your discernment change?

# %%
prebunking_quiz("after")

# %% [markdown]
# ## What next
#
# Lesson 10: **judging reliability**, with a checklist that rewards checking.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
