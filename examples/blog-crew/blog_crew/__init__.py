"""An example CrewAI blog crew for evalcrew's demo: a planner with a RAG tool writes the blueprint, a writer the dev.to post.

Run it with ``python -m blog_crew --topic T --case C --repeat N --sources DIR…``; see the README.
"""
