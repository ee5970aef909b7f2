# %% [markdown]
# # Lesson 1: Who says what?
#
# A news article is mostly other people's words. Before you ask *is it true?*, ask
# **who says so?**
#
# Every **attribution** has three parts:
#
# | part | question | example |
# |---|---|---|
# | **source** | who? | *Retired NATO Colonel José Antonio Alcaide* |
# | **cue** | how is it reported? | *told*, *said*, *according to* |
# | **content** | what? | *NATO soldiers are indeed present in Ukraine* |

# %%
import sourcecrit
from sourcecrit.viz import highlight

analysis = sourcecrit.analyze(sourcecrit.example_article_path())

# %% [markdown]
# ## Look at the lede
#
# The *lede* is the first sentence. Read it, and the one after it, in the highlighted
# text. Blue underline: the source. Green double underline: the cue. Yellow: the content.

# %%
highlight(analysis, layers=("attributions",))

# %% [markdown]
# **Notice:** the first sentence states a claim *as if it were fact*. Only the second
# sentence tells you that it is one retired colonel's opinion. A reader who stops after the
# first line takes an opinion home as news.

# %% [markdown]
# ## Every attribution, one row each
#
# `kind` tells how the words are reported:
#
# - **direct**: quoted word for word, inside quotation marks;
# - **indirect**: reported speech ("he said *that*...");
# - **mixed**: reported speech with a few quoted words inside;
# - **according_to**: "according to him, ...".

# %%
analysis.attributions[["sentence", "speaker", "cue", "kind", "content"]]

# %% [markdown]
# ## One person, many names
#
# Articles call the same person by many names. This one even spells two names two ways:
# *Alcaide* and *Alkaide*, *Sikorski* and *Sikorsky*. sourcecrit gathers every name used
# for a source in `aliases`.

# %%
analysis.sources[["speaker", "aliases", "role", "n_attributions"]]

# %% [markdown]
# ## What kind of source?
#
# A named minister, a retired officer, an unnamed "number of countries": these deserve
# different degrees of trust. The `evidence` column says why each source got its type.

# %%
analysis.sources[["speaker", "source_type", "evidence"]]

# %%
from sourcecrit.viz.charts import source_types_chart, sources_chart, use_offline_renderer

use_offline_renderer()  # draw charts with JupyterLab's own renderer, online or not
sources_chart(analysis)

# %%
source_types_chart(analysis)

# %% [markdown]
# ## Neutral and loaded reporting words
#
# *Said* is neutral. *Admitted*, *claimed* or *conceded* tell you what the journalist
# thinks of the claim. Each cue comes with a short explanation.

# %%
analysis.attributions[["cue", "cue_loaded", "cue_explanation"]].drop_duplicates("cue")

# %% [markdown]
# ## Explore
#
# Pick a speaker to see only what they are reported to say.

# %%
from sourcecrit.widgets.explorer import explorer

explorer(analysis)

# %% [markdown]
# ## Think about it
#
# 1. Which source gets the most words? Is he the one with the most authority on the question?
# 2. Find a claim attributed to a *vague group*. Could you check it? How?
# 3. The news behind this article is Sikorski's statement, yet the article opens with the
#    colonel's claim. Why might an editor choose that order?
