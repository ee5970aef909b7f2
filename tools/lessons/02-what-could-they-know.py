# %% [markdown]
# # Lesson 02 · What could they know?
#
# **I can…**
# - judge a source's **access** (could they know?) and **interest** (why say it?);
# - disagree with the machine's kind of source, with a reason;
# - count who fills an article by words, not only by quotes.
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
ask("l02-recall-parts")

# %%
ask("l02-recall-lede")

# %% [markdown]
# ## Judge the main sources yourself
#
# For each of the four sources who get the most words: pick a kind of source, and say in
# one line whether they could know what they are quoted on. Then reveal the machine's
# suggestions.

# %%
from sourcecrit.widgets.judging import source_judgements

source_judgements(analysis, key="l02-sources")

# %% [markdown]
# ## A title is a claim
#
# The article introduces its main source as a "Retired NATO Colonel".

# %%
ask("l02-colonel", article=analysis)

# %% [markdown]
# ## Who fills the article?
#
# Each bar counts the **words** attributed to a source, not how often they are quoted.

# %%
from sourcecrit.viz.charts import sources_chart

sources_chart(analysis, measure="n_words")

# %%
ask("l02-words-vs-attributions", article=analysis)

# %% [markdown]
# ## Machine check
#
# Is "the Geneva and Hague Conventions" a source here, or is someone else speaking?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    analysis,
    sentence="according to the Geneva and Hague Conventions",
    key=[("Alkaide", "source"), ("said", "cue")],
    layer="attribution",
)

# %% [markdown]
# ## All sources, in words

# %%
from sourcecrit.viz.tables import sources_table

sources_table(analysis)

# %% [markdown]
# ## What next
#
# Lesson 03: **verbs and framing**. The words a writer picks can judge a claim for you.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
