# %% [markdown]
# # Lesson 01 · Who says so?
#
# **I can…**
# - find the **source**, the **cue** and the **content** of an attribution;
# - mark them in a real article before the machine shows its reading;
# - say where the machine is wrong, and why.
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
# ## A worked example
#
# > "The bridge will close on Monday," **the mayor** *said*.
#
# | part | question | here |
# |---|---|---|
# | **source** | who? | the mayor |
# | **cue** | how is it reported? | said |
# | **content** | what? | The bridge will close on Monday |
#
# Your turn, with less help:

# %%
ask("l01-faded-example")

# %% [markdown]
# ## Now the article: mark it yourself
#
# Select words with the mouse, then press **1** (source), **2** (cue) or **3** (content).
# When you are done, press **Commit**. Only then can you reveal the machine's reading.

# %%
from sourcecrit.widgets import annotator

annotator(analysis, layer="attribution", passage=opening(article), key="l01-annotate")

# %% [markdown]
# ## The first sentence

# %%
ask("l01-lede", article=analysis)

# %% [markdown]
# ## Machine check
#
# The machine reads every "X will say" as someone speaking. Is it right here?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(analysis, sentence="the United States will say", key=[], layer="attribution")

# %%
ask("l01-us-quote", article=analysis)

# %% [markdown]
# ## Every attribution the machine found
#
# Read it after your own marking. Rows where the machine is unsure are marked.

# %%
from sourcecrit.viz.tables import attribution_table

attribution_table(analysis)

# %% [markdown]
# ## What next
#
# Lesson 02: **what could they know?** You judge each source's access and interest.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
