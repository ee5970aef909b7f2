# %% [markdown]
# # Lesson 08 · Two outlets, one event
#
# **I can…**
# - compare how two accounts of one event source and hedge their claims;
# - say what one account leaves out.
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
# ## The second account
#
# By default, a short text **written for this course** about the same events (it is not
# a news article). Your teacher may load a real one instead:
# `second = lesson_article("https://…")`.

# %%
from sourcecrit.course import second_account

second = second_account()
other = sourcecrit.analyze(second)
highlight(other, layers=())

# %% [markdown]
# ## Predict first

# %%
ask("l08-predict", article=analysis)

# %% [markdown]
# ## Side by side

# %%
from sourcecrit.viz.compare import compare, compare_chart

compare(analysis, other, names=("Lesson article", "Second account"))

# %%
compare_chart(analysis, other, names=("Lesson article", "Second account"))

# %% [markdown]
# ## Machine check
#
# The second account says plainly what is not known. Does the machine read that sentence as cautious?

# %%
from sourcecrit.course.machine_check import machine_check

machine_check(
    other,
    sentence="it is not clear from the reports",
    key=[("it is not clear", "hedge")],
    layer="certainty",
)

# %%
ask("l08-differences", article=analysis)

# %% [markdown]
# ## What next
#
# Lesson 09: **prebunking**. Learn the tricks before they work on you.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
