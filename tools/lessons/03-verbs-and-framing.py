# %% [markdown]
# # Lesson 03 · Verbs and framing
#
# **I can…**
# - spot reporting verbs that judge a claim (*claimed*, *admitted*, *insisted*);
# - find **framing** and **euphemism** the machine does not mark.
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
ask("l03-recall-access")

# %% [markdown]
# ## Predict first

# %%
ask("l03-predict-verbs")

# %% [markdown]
# ## Swap the verb, watch the reading change
#
# The machine reads the same sentence with each verb. Read its explanation of each.

# %%
import pandas as pd

rows = []
for verb in ["said", "claimed", "admitted", "insisted", "warned"]:
    reading = sourcecrit.analyze(f"The minister {verb} that the troops would stay.")
    cue = reading.attributions.iloc[0]
    rows.append(
        {
            "Verb": verb,
            "Does it judge the claim?": "yes" if cue["cue_loaded"] else "no",
            "What the machine says it does": cue["cue_explanation"],
        }
    )
pd.DataFrame(rows).style.hide(axis="index")

# %% [markdown]
# ## Framing the machine misses
#
# The machine marks reporting verbs and hedges. It does not mark framing: words that tell
# you how to see an event. Read the article's last paragraph.

# %%
last = article.paragraphs[-1]
highlight(sourcecrit.analyze(article.text[last.start : last.end]), layers=())

# %%
ask("l03-framing", article=analysis)

# %% [markdown]
# ## Machine check
#
# How does the machine label the last sentences: cautious, neutral or emphatic? Is
# "neutral" the right word for them?

# %%
analysis.sentences.tail(2)[["text", "certainty"]].rename(
    columns={"text": "Sentence", "certainty": "The machine's label"}
).style.hide(axis="index")

# %% [markdown]
# **Context.** Since March 2022, Russian law has punished media that "discredit" the
# armed forces, and the official term for the war is "special military operation".
# Your teacher has the sources; check them yourself in lesson 06.

# %% [markdown]
# ## What next
#
# Lesson 04: **how sure?** Hedges, boosters and weasel phrases.
#
# **Hand in your work** (on Binder, before you close the tab):

# %%
from sourcecrit.widgets import hand_in

hand_in()
