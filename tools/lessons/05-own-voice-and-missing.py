# %% [markdown]
# # Lesson 05 · The article's own voice, and who is missing
#
# **I can…**
# - list the claims an article makes with no source;
# - name the voices an article leaves out.
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
ask("l05-recall-hedge")

# %% [markdown]
# ## Who is missing? Predict first

# %%
ask("l05-missing", article=analysis)

# %% [markdown]
# ## Who does speak

# %%
from sourcecrit.viz.charts import source_types_chart, sources_chart

sources_chart(analysis, measure="n_words")

# %%
source_types_chart(analysis)

# %% [markdown]
# ## Sentences with no source
#
# These sentences state something in the article's own voice.

# %%
from sourcecrit.viz.tables import unsourced_sentences

unsourced_sentences(analysis)

# %%
ask("l05-own-voice", article=analysis)

# %% [markdown]
# ## Machine check
#
# The machine finds no attribution in this sentence. Is there really no source, or is one
# hidden in it?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    analysis,
    sentence="the start of which was announced",
    key=[("announced", "cue"), ("the Russian President", "source")],
    layer="attribution",
)

# %% [markdown]
# ## What next
#
# Lesson 06: **leave the page**. Find out who is behind the outlet and the expert.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
