"""nbgrader configuration of the Etika AI course (the course root is this folder).

Graders pass ``--Exchange.root=...`` (or the autograder's own option) themselves; nothing here
points outside the course folder, so the folder can be copied or moved as a whole.
"""

from pathlib import Path

c = get_config()  # injected by traitlets when it loads this file

c.CourseDirectory.course_id = "etika-ai"
# The course root is the folder holding this file, wherever the course is copied to.
c.CourseDirectory.root = str(Path(__file__).resolve().parent)
# Files never copied into the learners' release (nor from submissions). RUBRIC.md holds the
# model answer: it must stay with the graders.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    "RUBRIC.md",
]

# What learners see in place of a solution.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE / TULIS JAWABAN ANDA DI SINI"

# One cell may run at most this long at autograde; a whole assignment runs in a few seconds.
c.Execute.timeout = 60
c.ExecutePreprocessor.timeout = 60

# The programme rule for certificates (`autograder certify`, autograder/certificates/): a
# learner who passes each listed assignment gets a certificate anyone can verify offline.
c.Programme.id = "etika-ai"
c.Programme.name = {
    "en": "Etika AI: responsible AI in practice",
    "id": "Etika AI: praktik AI yang bertanggung jawab",
}
c.Programme.issuer = {"en": "Etika AI trainers", "id": "Tim pelatih Etika AI"}
c.Programme.assignments = ["bias", "transparency"]
c.Programme.pass_mark = 0.6  # of each assignment's points
# c.Programme.roster_minimums = {"attendance": 75}  # a roster column and its minimum
# c.Programme.verify_url = "https://example.org/en/book/verify.html"  # put in the QR code
