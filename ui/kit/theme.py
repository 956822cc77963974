"""Colours and the application style sheet, shared by the console and the shared screen."""

ACCENT = "#1F3A5F"
ACCENT_2 = "#2A9D8F"
WARNING = "#E9A23B"
DANGER = "#D1495B"
INK = "#1B1F24"
MUTED = "#5B6673"
PAPER = "#F6F7F9"

STYLE_SHEET = f"""
QMainWindow, QWizard, QDialog {{ background: {PAPER}; }}
QWidget {{ font-size: 10.5pt; color: {INK}; }}
QTabWidget::pane {{ border: 1px solid #D5DAE1; background: white; border-radius: 6px; }}
QTabBar::tab {{ padding: 8px 16px; margin-right: 2px; background: #E7EAEE;
               border-top-left-radius: 6px; border-top-right-radius: 6px; }}
QTabBar::tab:selected {{ background: white; color: {ACCENT}; font-weight: bold; }}
QPushButton {{ padding: 6px 14px; border: 1px solid #C4CBD4; border-radius: 5px; background: white; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #9AA3AE; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; font-weight: bold; }}
QPushButton[primary="true"]:hover {{ background: #2B4F7E; }}
QPushButton:checked {{ background: #1B1F24; color: white; border-color: #1B1F24; font-weight: bold; }}
QHeaderView::section {{ background: #E7EAEE; padding: 5px; border: none; font-weight: bold; }}
QTableView, QTreeView, QListView {{ background: white; alternate-background-color: #F3F5F8;
                                    selection-background-color: #CFE0F5; selection-color: {INK}; }}
QLabel[role="title"] {{ font-size: 20pt; font-weight: bold; color: {ACCENT}; }}
QLabel[role="subtitle"] {{ font-size: 12pt; color: {MUTED}; }}
QLabel[role="banner"] {{ background: #FFF4DC; border: 1px solid {WARNING}; padding: 6px; border-radius: 4px; }}
"""
