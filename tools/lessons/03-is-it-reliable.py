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
# Fill in the form. Your answers are **saved as you go**, on this computer: close the
# notebook, restart the kernel, come back tomorrow, and they will still be here.
#
# Type your name first if the form does not show it.

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
