# %% [markdown]
# # Lesson 2: How sure is the text?
#
# Words like *may*, *could* and *reportedly* make a claim softer: they are **hedges**.
# Words like *indeed*, *clearly* and *believe me* make it sound certain: **boosters**.
# And phrases like *some say* or *in a number of countries* hide who is speaking:
# **weasel** phrases.
#
# None of these is wrong in itself. Careful writers hedge what they cannot prove. But a
# reader should notice *where* a text grows cautious, *where* it insists, and *who* is
# hiding behind vague words.

# %%
import sourcecrit
from sourcecrit.viz import highlight

analysis = sourcecrit.analyze(sourcecrit.example_article_path())

# %% [markdown]
# ## Every cue, with what it does
#
# The `explanation` column is written for you: read a few rows.

# %%
analysis.hedges[["sentence", "cue", "category", "explanation"]]

# %% [markdown]
# ## In the text
#
# Orange: hedges. Red: boosters. Pink: weasel phrases. Hover to read the explanation.

# %%
highlight(analysis, layers=("hedges",))

# %% [markdown]
# ## What does a hedge cover?
#
# A hedge softens only part of a sentence: its **scope**. Here is the scope of each cue,
# cut out of the text.

# %%
text = analysis.text
scoped = analysis.hedges.dropna(subset=["scope_start"]).head(8)
[(row.cue, text[row.scope_start : row.scope_end]) for row in scoped.itertuples()]

# %% [markdown]
# ## Where does the article grow cautious?
#
# Each bar is one sentence, in reading order.

# %%
from sourcecrit.viz.charts import certainty_chart, use_offline_renderer

use_offline_renderer()  # draw charts with JupyterLab's own renderer, online or not
certainty_chart(analysis)

# %% [markdown]
# ## The most hedged sentences

# %%
analysis.most_hedged_sentences(3)[["sentence", "text", "hedges", "weasels"]]

# %% [markdown]
# ## A booster inside a quote
#
# The article's first words, *NATO soldiers are **indeed** present*, repeat the colonel's
# own booster. When a newspaper puts a source's booster in its own first sentence, whose
# certainty is it?

# %%
analysis.sentences[["sentence", "text", "certainty"]].head(2)

# %% [markdown]
# ## Think about it
#
# 1. Find the sentence with *"in a number of countries"*. Which countries? Who in them?
# 2. *"Sending troops to Ukraine was not unthinkable"*: why say *not unthinkable* rather
#    than *thinkable*?
# 3. The last paragraph has no source at all, and the phrase *increasingly frequent
#    statements*. Whose view is it?
