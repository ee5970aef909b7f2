# %% [markdown]
# # Lesson 06 · Leave the page I: who is behind it
#
# **I can…**
# - read **laterally**: judge an outlet and an expert by what other sites say;
# - keep a reading log of where I looked and what I found.
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
ask("l02-recall-lede")

# %% [markdown]
# ## Before you search

# %%
ask("l06-before", article=analysis)

# %% [markdown]
# ## Searches to run
#
# Each link opens a new tab. Open at least two, on two different sites. Without internet
# the links do not open: ask your teacher.

# %%
from sourcecrit.widgets.lateral import reading_log, search_launcher

search_launcher(analysis)

# %% [markdown]
# ## Your reading log
#
# Paste the address of each page you read, a one-line note and what it says. A page on the
# article's own site is flagged: that is not leaving the page.

# %%
reading_log(analysis)

# %% [markdown]
# ## Machine check
#
# The machine calls the colonel a *named expert* because of his title. Here is how it reads the sentence that introduces him. Would your search results back the word \"expert\"?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    analysis,
    sentence="Retired NATO Colonel José Antonio Alcaide told Izvestia",
    key=[("Retired NATO Colonel José Antonio Alcaide", "source"), ("told", "cue")],
    layer="attribution",
)

# %% [markdown]
# ## What did you find?

# %%
ask("l06-outlet", article=analysis)

# %% [markdown]
# ## Context card
#
# Read it after your own search, and check one point elsewhere.

# %%
from sourcecrit.course import context_card

context_card() if flagship else "The context card is written for the flagship article."

# %% [markdown]
# ## What next
#
# Lesson 07: **trace the claims** to where they first appeared.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
