# %% [markdown]
# # Lesson 07 · Leave the page II: trace the claims
#
# **I can…**
# - trace a claim, quote or statement to its origin;
# - say whether the origin confirms, contradicts, or cannot be found.
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
ask("l03-recall-access")

# %% [markdown]
# ## The claims worth tracing
#
# The machine lists the lede, every claim it attributes to someone, and every sentence in
# the article's own voice. Pick three. For each: search, find the origin, paste the link,
# and mark what you found.

# %%
from sourcecrit.widgets.tracing import claim_tracer

claim_tracer(analysis, key="l07-claims")

# %%
from sourcecrit.widgets.lateral import search_launcher

search_launcher(analysis)

# %% [markdown]
# ## Machine check
#
# Sikorski called sending troops "not unthinkable". Before you trace his words: does the machine read that double negative as a hedge, as you would?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    analysis,
    sentence="not unthinkable",
    key=[("not unthinkable", "hedge")],
    layer="certainty",
)

# %%
ask("l07-trace", article=analysis)

# %% [markdown]
# ## What next
#
# Lesson 08: **two outlets, one event**. Compare sourcing and certainty side by side.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
