/* somattran-launcher.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The Start-menu entry of the Windows build. It sets GSK_RENDERER=cairo
 * unless the user set a renderer (GTK 4's GL renderer fails on the old GPUs
 * and drivers of commune PCs), then starts somattran.exe beside it with the
 * same arguments and no console window. Nothing is written to the registry.
 *
 * Built by build-msys2.sh:
 *   gcc -O2 -mwindows -municode -o somattran-launcher.exe somattran-launcher.c */

#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <wchar.h>

/* The arguments part of a command line: skips the program name the way
 * CommandLineToArgvW reads it (quoted, or up to the first blank). */
static const wchar_t *
skip_program_name (const wchar_t *line)
{
  if (*line == L'"')
    {
      line++;
      while (*line != L'\0' && *line != L'"')
        line++;
      if (*line == L'"')
        line++;
    }
  else
    {
      while (*line != L'\0' && *line != L' ' && *line != L'\t')
        line++;
    }
  while (*line == L' ' || *line == L'\t')
    line++;
  return line;
}

static int
fail (const wchar_t *what)
{
  wchar_t text[1024];
  unsigned long code = GetLastError ();

  _snwprintf (text, sizeof text / sizeof text[0] - 1,
              L"Không mở được Sổ Mặt trận: %ls (mã lỗi %lu).\n"
              L"Hãy cài đặt lại chương trình.\n\n"
              L"Cannot start Sổ Mặt trận: %ls (error %lu).\n"
              L"Please reinstall the program.",
              what, code, what, code);
  text[sizeof text / sizeof text[0] - 1] = L'\0';
  MessageBoxW (NULL, text, L"Sổ Mặt trận", MB_OK | MB_ICONERROR);
  return 1;
}

int WINAPI
wWinMain (HINSTANCE instance,
          HINSTANCE previous,
          PWSTR     arguments,
          int       show)
{
  static wchar_t exe[32768];
  const wchar_t *args;
  wchar_t *command;
  wchar_t *slash;
  size_t length;
  DWORD n;
  STARTUPINFOW startup = { 0 };
  PROCESS_INFORMATION process = { 0 };

  (void) instance;
  (void) previous;
  (void) arguments;
  (void) show;

  n = GetModuleFileNameW (NULL, exe, 32768 - 32);
  if (n == 0 || n >= 32768 - 32)
    return fail (L"GetModuleFileNameW");
  slash = wcsrchr (exe, L'\\');
  if (slash == NULL)
    return fail (L"GetModuleFileNameW");
  wcscpy (slash + 1, L"somattran.exe");

  if (GetEnvironmentVariableW (L"GSK_RENDERER", NULL, 0) == 0)
    SetEnvironmentVariableW (L"GSK_RENDERER", L"cairo");

  /* "<dir>\somattran.exe" <the arguments we were given> */
  args = skip_program_name (GetCommandLineW ());
  length = wcslen (exe) + wcslen (args) + 4;
  command = HeapAlloc (GetProcessHeap (), 0, length * sizeof (wchar_t));
  if (command == NULL)
    return fail (L"HeapAlloc");
  _snwprintf (command, length, L"\"%ls\" %ls", exe, args);
  command[length - 1] = L'\0';

  startup.cb = sizeof startup;
  if (!CreateProcessW (exe, command, NULL, NULL, FALSE, CREATE_NO_WINDOW,
                       NULL, NULL, &startup, &process))
    return fail (exe);

  CloseHandle (process.hThread);
  CloseHandle (process.hProcess);
  HeapFree (GetProcessHeap (), 0, command);
  return 0;
}
