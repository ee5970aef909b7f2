# %% [markdown]
# # Lesson 11 · Capstone: your event, your outlets
#
# **I can…**
# - apply every step of the course to an article I choose;
# - hand in a report with a verdict I can defend.
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
# ## Remember last time

# %%
ask("l05-recall-hedge")

# %% [markdown]
# ## Your article
#
# Put a web address or a file name in `lesson_article(...)`, or paste the text between the
# triple quotes and use `sourcecrit.analyze(my_text)`. Until you do, the lesson article is
# used.

# %%
my_text = """"""
mine = sourcecrit.analyze(my_text) if my_text.strip() else analysis
highlight(mine, layers=())

# %% [markdown]
# ## 1. Who says so, and how sure?

# %%
from sourcecrit.viz.tables import attribution_table, cue_table

attribution_table(mine)

# %%
cue_table(mine)

# %% [markdown]
# ## Machine check
#
# On your own article there is no key: the machine picks its busiest sentence. Mark it yourself on paper first, then compare. Who is right?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    mine,
    sentence="(no key for your own article)",
    key=None,
    layer="certainty",
)

# %% [markdown]
# ## 2. Leave the page

# %%
from sourcecrit.widgets.lateral import reading_log, search_launcher

search_launcher(mine)

# %%
reading_log(mine, key="l11-log")

# %% [markdown]
# ## 3. Trace the claims

# %%
from sourcecrit.widgets.tracing import claim_tracer

claim_tracer(mine, key="l11-claims")

# %% [markdown]
# ## 4. Your report

# %%
ask("l11-report", article=mine)

# %% [markdown]
# ## What next
#
# You have finished the course. Hand in your work, and keep reading laterally.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
