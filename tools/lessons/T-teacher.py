# %% [markdown]
# # Teacher's notebook
#
# For the teacher: the course plan, model answers to every question, the context card for
# the flagship article, notes on teaching a sensitive topic, and the overview of your
# class's handed-in work. Students never need this notebook.

# %% [markdown]
# ## The course (one lesson ≈ one 45-minute class period)
#
# | # | lesson | students can… | timing |
# |---|---|---|---|
# | 00 | First read | state a first impression and a belief (0–100) | 10 min read, 10 min write, 25 min discuss |
# | 01 | Who says so? | mark source, cue and content | 10 worked example, 20 annotate, 15 reveal and discuss |
# | 02 | What could they know? | judge access and interest | 20 judge sources, 10 words per source, 15 discuss |
# | 03 | Verbs and framing | spot loaded verbs, framing, euphemism | 10 predict, 10 swap verbs, 25 framing |
# | 04 | How sure? | find hedges, boosters, weasels | 20 annotate, 10 reveal, 15 ambiguity |
# | 05 | Own voice, who is missing | list unsourced claims and absent voices | 10 predict, 20 tables, 15 discuss |
# | 06 | Leave the page I | profile outlet and expert from two sites | 30 search and log, 15 context card |
# | 07 | Leave the page II | trace three claims | 35 tracing, 10 share |
# | 08 | Two outlets, one event | compare sourcing and certainty | 10 predict, 20 compare, 15 discuss |
# | 09 | Prebunking | name techniques; discernment | 10 quiz, 20 techniques, 15 quiz again |
# | 10 | Judging reliability | verdict with confidence and evidence | 30 checklist, 15 belief and verdict |
# | 11 | Capstone | apply the method to their own article | 45 (or homework) |
#
# Every lesson opens with "I can…" goals and recall questions, lets students commit before
# any reveal, has one **machine check** (the machine's reading of a sentence beside the
# lesson's key, computed live), shows model answers only after students write, and ends
# with a hand-in cell.

# %% [markdown]
# ## Choosing the article
#
# Every lesson reads its article from one cell. To use another article for the whole class,
# set `SOURCECRIT_LESSON_ARTICLE` to a file path or web address before starting JupyterLab
# (on Binder, put the file in the repository and set it in `binder/start`), or edit the
# `lesson_article()` cell. Lessons that rely on the flagship's particulars (the machine
# checks, the context card) say so and still run on other articles; model answers then
# show what a good answer looks like.

# %%
from sourcecrit.course import context_card, glossary
from sourcecrit.course.questions import model_answers

# %% [markdown]
# ## Model answers to every question

# %%
model_answers().style.hide(axis="index")

# %% [markdown]
# ## The context card (flagship article)
#
# Verify each point before class; each names its source.

# %%
context_card()

# %% [markdown]
# ## Teaching a sensitive topic
#
# - The article is about a war. Some students may have family in Russia or Ukraine. Set
#   the rule early: we judge *how a text supports its claims*, not who students are.
# - Use neutral methods, not neutral silence. Do not answer "Russian media lie, ours
#   don't": apply every question of the course to a report from your own country too
#   (lesson 08 and 11 are the place).
# - Name euphemism and legal pressure as facts about the text's conditions (see the
#   context card), and let students check them.
# - The machine is sometimes wrong. Treat its mistakes as teaching moments: the student
#   who flags one and gives a reason has done source criticism.

# %% [markdown]
# ## Glossary

# %%
glossary().style.hide(axis="index")

# %% [markdown]
# ## Your class's work
#
# Students hand in a work file (last cell of each lesson). Put the files in one folder and
# point the overview at it. With `sourcecrit class collect FOLDER -o class.csv` you get a
# gradebook file for your learning platform (see the README).

# %%
from pathlib import Path

from sourcecrit.work import class_overview

handed_in = Path("handed-in")  # the folder with your students' work files
class_overview(
    handed_in
) if handed_in.is_dir() else "Put the work files in a folder called handed-in."
