"""User-facing errors: a message naming what is wrong and how to fix it."""


class UserError(Exception):
    """Bad input from the grader. Printed without a traceback; exit status 2."""

    exit_code = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  how to fix: {self.hint}" if self.hint else self.message
