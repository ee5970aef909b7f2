# %% [markdown]
# # Lesson 04 · How sure?
#
# **I can…**
# - find **hedges**, **boosters** and **weasel phrases** before the machine does;
# - name **diplomatic ambiguity** when I see it.
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
from sourcecrit.course import is_flagship, lesson_article, opening
from sourcecrit.viz.charts import use_offline_renderer
from sourcecrit.widgets import learner
from sourcecrit.widgets.lesson import ask

article = lesson_article()
analysis = sourcecrit.analyze(article)
flagship = is_flagship(article)
use_offline_renderer()  # charts drawn by JupyterLab itself, with or without internet
learner()

# %% [markdown]
# ## Remember last time

# %%
ask("l04-recall-verbs")

# %% [markdown]
# ## Mark the certainty words yourself
#
# Select words, then press **1** (hedge: makes a claim less sure), **2** (booster: more
# sure) or **3** (weasel: support without saying whose). Commit, then reveal.

# %%
from sourcecrit.widgets import annotator

annotator(analysis, layer="certainty", passage=opening(article, paragraphs=5), key="l04-annotate")

# %% [markdown]
# ## Machine check
#
# What exactly is the colonel unsure about?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    analysis,
    sentence="expressed doubt that they are directly involved",
    key=[("expressed doubt", "hedge")],
    layer="certainty",
)

# %%
ask("l04-doubt", article=analysis)

# %% [markdown]
# ## Diplomatic ambiguity

# %%
ask("l04-ambiguity", article=analysis)

# %% [markdown]
# ## Every cue the machine found, with what it does

# %%
from sourcecrit.viz.tables import cue_table

cue_table(analysis)

# %%
from sourcecrit.viz.charts import certainty_chart

certainty_chart(analysis)

# %% [markdown]
# ## What next
#
# Lesson 05: **the article's own voice**: what it says with no source, and who is missing.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
