# %% [markdown]
# # Lesson 3: Does the source deserve your trust?
#
# You have seen who speaks in the article and how sure they sound. Now you judge it, with
# **SIFT**, four moves that fact-checkers make before they believe or share a story:
#
# 1. **Stop**: notice how the story makes you feel.
# 2. **Investigate the source**: who are the outlet and the people quoted?
# 3. **Find better coverage**: what do other outlets you trust say?
# 4. **Trace** claims, quotes and media to where they first appeared.
#
# SIFT was created by Mike Caulfield; the wording here is our own.

# %%
import sourcecrit
from sourcecrit.checklists import load_checklist

analysis = sourcecrit.analyze(sourcecrit.example_article_path())
sift = load_checklist("sift")
sift

# %% [markdown]
# ## Evidence from the article
#
# The computer cannot make the moves for you: they mean leaving the article and searching
# elsewhere. But it can count what is in the article itself. Each hint says what it
# counted and which questions it helps with.

# %%
for hint in sift.evidence(analysis):
    print(f"[{', '.join(hint.items)}] {hint.message}\n")

# %% [markdown]
# ## Your answers
#
# First type your name and press **That's me**: your answers are saved under it. Then run
# the next cell again, so the form knows who you are.

# %%
from sourcecrit.widgets import learner

learner()

# %% [markdown]
# Fill in the form. Your answers are **saved as you go** in this session's progress folder:
# restarting the kernel loses nothing. Where they stay depends on where you work:
#
# - **On your own computer**, they stay in that folder until you delete them.
# - **On Binder**, the whole session is thrown away when you close it or leave it idle for
#   a few minutes. Download your work file at the end of this lesson to keep your answers
#   and hand them in; upload it there to go on in a new session.

# %%
from sourcecrit.widgets import checklist_form

form = checklist_form(sift, analysis)
form

# %% [markdown]
# ## Your checklist so far
#
# Run this cell again after you change an answer: it shows your answers and the score.

# %%
form.completed()

# %% [markdown]
# ## Other checklists
#
# SIFT is one way to judge a source. Try another one: **CRAAP** (Currency, Relevance,
# Authority, Accuracy, Purpose) was written for students judging library sources.

# %%
sourcecrit.list_checklists()

# %% [markdown]
# ## Think about it
#
# 1. The first sentence rests on a single source. What would you search for to trace it?
# 2. Which checklist question could you *not* answer from the article alone? Why not?

# %% [markdown]
# ## Hand in your work
#
# Download your work file and keep it (on Binder, before you close the tab). Hand it in if
# your teacher asked for it. Starting again in a new session? Upload it here.

# %%
from sourcecrit.widgets import hand_in

hand_in()
