# %% [markdown]
# # Start here: who is speaking, and how sure are they?
#
# Welcome to **sourcecrit**. In this short lesson you read one real news article with a
# critical eye, helped by the computer.
#
# You will see three things:
#
# 1. the article itself,
# 2. the **attributions**: who says what,
# 3. the **hedging**: words that make a claim softer (*may*, *could*) or stronger (*indeed*).
#
# Run each cell with **Shift + Enter**.

# %%
import sourcecrit

# %% [markdown]
# ## The article
#
# Our example is from the Russian newspaper *Izvestia*, 10 March 2024, about NATO soldiers
# in Ukraine. `analyze` reads it once and keeps everything it finds.

# %%
analysis = sourcecrit.analyze(sourcecrit.example_article_path())
analysis

# %% [markdown]
# ## Who says what?
#
# Each row is one **attribution**: a *source* (who), a *cue* (the reporting word, such as
# *said* or *according to*) and the *content* (what they said).
#
# Ask yourself: which claims have a named source? Which have none?

# %%
analysis.attributions[["speaker", "cue", "kind", "content"]]

# %% [markdown]
# ## The sources
#
# One row per source, with the other names the article uses for them (spellings change
# inside this very article!).

# %%
analysis.sources

# %% [markdown]
# ## How sure is the text?
#
# *Hedges* soften a claim, *boosters* make it sound certain, and *weasel* phrases hide who
# is speaking. Each row explains what the word does.

# %%
analysis.hedges[["cue", "category", "explanation"]]

# %% [markdown]
# ## See it in the text
#
# Colours mark sources, cues, quoted content and hedging. Hover over a mark to read why.

# %%
from sourcecrit.viz import highlight

highlight(analysis)

# %% [markdown]
# ## Your turn
#
# The first sentence of the article makes a strong claim. Who makes it? Is it attributed in
# the same sentence, or only later? Look at the first rows below, then think it over.

# %%
analysis.sentences[["sentence", "text", "attributions", "certainty"]].head(3)

# %% [markdown]
# ## What next
#
# The lessons `01` to `03` take each idea further. When you are done, try the exercise on
# this article: it asks you questions and gives feedback on your answers. On Binder it is
# `exercises/nato-in-ukraine/exercise.ipynb`; on your own machine, start JupyterLab there
# with `sourcecrit lab --dir exercises`.
