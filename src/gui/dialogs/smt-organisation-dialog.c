/* smt-organisation-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-organisations.h"
#include "core/people/smt-traits.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-organisation-dialog.h"

/* The words members are called by, as the organisations use them. */
static const char *member_words[] = { "hội viên", "đoàn viên" };

struct _SmtOrganisationDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *code_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *short_name_row;
  AdwComboRow    *member_word_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *position_row;
  AdwEntryRow    *min_age_row;
  AdwEntryRow    *max_age_row;
  AdwComboRow    *sex_row;
  AdwComboRow    *trait_row;
  GtkWidget      *reason_group;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;

  /* owned */
  SmtRegister    *reg;
  gint64          organisation_id;  /* 0: a new one */
  GStrv           before;           /* code, name, short name, member word of the edited one */
  GArray         *trait_ids;        /* gint64 by row of trait_row: 0 (none), then the traits */
  SmtOrganisationFields old;        /* strings point into before */
};

G_DEFINE_FINAL_TYPE (SmtOrganisationDialog, smt_organisation_dialog, ADW_TYPE_WINDOW)

static void
show_error (SmtOrganisationDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Typing again hides a message about the last try. */
static void
on_field_changed (SmtOrganisationDialog *self,
                  GtkEditable           *editable)
{
  show_error (self, NULL);
}

/* ---- undo ----------------------------------------------------------------------- */

typedef struct
{
  gint64                 id;
  GStrv                  text;  /* code, name, short name, member word */
  SmtOrganisationFields  fields;
} OrganisationUndo;

static void
organisation_undo_free (gpointer data)
{
  OrganisationUndo *undo = data;

  g_strfreev (undo->text);
  g_free (undo);
}

/* Writes the fields as they were, as a new change with its reason. */
static gboolean
undo_organisation_edit (SmtRegister  *reg,
                        gpointer      data,
                        GError      **error)
{
  OrganisationUndo *undo = data;

  return smt_organisation_update (reg, undo->id, &undo->fields,
                                  _("Undone (Ctrl+Z) right after it was recorded"), error);
}

/* ---- save ----------------------------------------------------------------------- */

/* An age bound typed in row: -1 when empty; FALSE after a message when
 * it is not a whole number. */
static gboolean
read_age (SmtOrganisationDialog *self,
          AdwEntryRow           *row,
          int                   *age)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 value;

  if (text[0] == '\0')
    {
      *age = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, 0, 150, &value, NULL))
    {
      show_error (self, _("An age is a whole number of years, such as 18. Leave it empty for "
                          "no limit."));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }
  *age = (int) value;
  return TRUE;
}

gboolean
smt_organisation_dialog_save (SmtOrganisationDialog *self)
{
  g_autoptr(GError) error = NULL;
  SmtOrganisationFields f = { 0 };
  const char *position_text;
  const char *reason;
  gint64 position = 0;
  guint sex;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_ORGANISATION_DIALOG (self), FALSE);

  f.code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  f.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  f.short_name = gtk_editable_get_text (GTK_EDITABLE (self->short_name_row));
  f.member_word = member_words[MIN (adw_combo_row_get_selected (self->member_word_row),
                                    G_N_ELEMENTS (member_words) - 1)];
  f.kind = adw_combo_row_get_selected (self->kind_row) == 1 ? SMT_ORGANISATION_MASS
                                                            : SMT_ORGANISATION_SOCIO_POLITICAL;
  sex = adw_combo_row_get_selected (self->sex_row);
  f.sex = sex == 1 ? 'M' : sex == 2 ? 'F' : 0;
  sex = adw_combo_row_get_selected (self->trait_row);
  f.trait_id = sex < self->trait_ids->len ? g_array_index (self->trait_ids, gint64, sex) : 0;
  if (!read_age (self, self->min_age_row, &f.min_age)
      || !read_age (self, self->max_age_row, &f.max_age))
    return FALSE;
  position_text = gtk_editable_get_text (GTK_EDITABLE (self->position_row));
  if (position_text[0] != '\0'
      && !g_ascii_string_to_signed (position_text, 10, 0, 9999, &position, NULL))
    {
      show_error (self, _("The place in the list is a whole number: 1 comes first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->position_row));
      return FALSE;
    }
  f.position = (int) position;

  if (self->organisation_id == 0)
    {
      ok = smt_organisation_add (self->reg, &f, &error) != 0;
      if (ok)
        {
          g_autofree char *message = g_strdup_printf (_("%s added"), f.name);

          smt_view_record_change (GTK_WIDGET (self), message, NULL, NULL, NULL);
        }
    }
  else
    {
      reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
      if (reason[0] == '\0')
        {
          show_error (self, _("Write why the organisation changes: the reason is kept with "
                              "the change."));
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
          return FALSE;
        }
      ok = smt_organisation_update (self->reg, self->organisation_id, &f, reason, &error);
      if (ok)
        {
          OrganisationUndo *undo = g_new0 (OrganisationUndo, 1);
          g_autofree char *message = g_strdup_printf (_("%s changed"), f.name);

          undo->id = self->organisation_id;
          undo->text = g_strdupv (self->before);
          undo->fields = self->old;
          undo->fields.code = undo->text[0];
          undo->fields.name = undo->text[1];
          undo->fields.short_name = undo->text[2];
          undo->fields.member_word = undo->text[3];
          smt_view_record_change (GTK_WIDGET (self), message, undo_organisation_edit, undo,
                                  organisation_undo_free);
        }
    }
  if (!ok)
    {
      show_error (self, error != NULL ? error->message : _("The change was not recorded."));
      return FALSE;
    }
  show_error (self, NULL);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtOrganisationDialog *self,
                 GtkButton             *button)
{
  smt_organisation_dialog_save (self);
}

/* ---- object --------------------------------------------------------------------- */

static void
smt_organisation_dialog_dispose (GObject *object)
{
  SmtOrganisationDialog *self = SMT_ORGANISATION_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->before, g_strfreev);
  g_clear_pointer (&self->trait_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_ORGANISATION_DIALOG);

  G_OBJECT_CLASS (smt_organisation_dialog_parent_class)->dispose (object);
}

static void
smt_organisation_dialog_class_init (SmtOrganisationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_organisation_dialog_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-organisation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, member_word_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, min_age_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, max_age_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, trait_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_organisation_dialog_init (SmtOrganisationDialog *self)
{
  g_autoptr(GtkStringList) words = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sexes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (member_words); i++)
    gtk_string_list_append (words, member_words[i]);
  gtk_string_list_append (kinds, _("Socio-political organisation"));
  gtk_string_list_append (kinds, _("Mass association"));
  gtk_string_list_append (sexes, _("Anyone"));
  gtk_string_list_append (sexes, _("Men only"));
  gtk_string_list_append (sexes, _("Women only"));
  adw_combo_row_set_model (self->member_word_row, G_LIST_MODEL (words));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (sexes));
  self->trait_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* The traits a rule may ask for, "none" first; selects selected_id. */
static void
fill_traits (SmtOrganisationDialog *self,
             gint64                 selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) traits = smt_traits_list (self->reg, NULL);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->trait_ids, 0);
  g_array_append_val (self->trait_ids, none);
  gtk_string_list_append (names, _("None: age and sex decide"));
  for (guint i = 0; traits != NULL && i < traits->len; i++)
    {
      const SmtTraitInfo *t = g_ptr_array_index (traits, i);

      if (t->id == selected_id)
        selected = self->trait_ids->len;
      g_array_append_val (self->trait_ids, t->id);
      gtk_string_list_append (names, t->name);
    }
  adw_combo_row_set_model (self->trait_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->trait_row, selected);
}

static void
set_int (AdwEntryRow *row,
         int          value)
{
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

SmtOrganisationDialog *
smt_organisation_dialog_new (GtkWindow                 *parent,
                             SmtRegister               *reg,
                             const SmtOrganisationInfo *org)
{
  SmtOrganisationDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  self = g_object_new (SMT_TYPE_ORGANISATION_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  fill_traits (self, org != NULL ? org->trait_id : 0);
  if (org == NULL)
    {
      g_autoptr(GPtrArray) list = smt_organisations_list (reg, NULL);
      int last = 0;

      gtk_window_set_title (GTK_WINDOW (self), _("New Organisation"));
      adw_window_title_set_title (self->window_title, _("New Organisation"));
      adw_window_title_set_subtitle (self->window_title,
                                     _("A mass association, or another organisation"));
      gtk_widget_set_visible (self->reason_group, FALSE);
      adw_combo_row_set_selected (self->kind_row, 1);
      for (guint i = 0; list != NULL && i < list->len; i++)
        last = MAX (last, ((SmtOrganisationInfo *) g_ptr_array_index (list, i))->position);
      set_int (self->position_row, last + 1);
    }
  else
    {
      char *text[5] = { org->code, org->name, org->short_name, org->member_word, NULL };

      self->organisation_id = org->id;
      self->before = g_strdupv (text);
      self->old.code = self->before[0];
      self->old.name = self->before[1];
      self->old.short_name = self->before[2];
      self->old.member_word = self->before[3];
      self->old.kind = org->socio_political ? SMT_ORGANISATION_SOCIO_POLITICAL
                                            : SMT_ORGANISATION_MASS;
      self->old.min_age = org->min_age;
      self->old.max_age = org->max_age;
      self->old.sex = org->sex;
      self->old.position = org->position;
      self->old.trait_id = org->trait_id;

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Organisation"));
      adw_window_title_set_title (self->window_title, _("Edit Organisation"));
      adw_window_title_set_subtitle (self->window_title, org->name);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), org->code);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), org->name);
      gtk_editable_set_text (GTK_EDITABLE (self->short_name_row), org->short_name);
      adw_combo_row_set_selected (self->member_word_row,
                                  g_strcmp0 (org->member_word, "đoàn viên") == 0 ? 1 : 0);
      adw_combo_row_set_selected (self->kind_row, org->socio_political ? 0 : 1);
      set_int (self->min_age_row, org->min_age);
      set_int (self->max_age_row, org->max_age);
      set_int (self->position_row, org->position);
      adw_combo_row_set_selected (self->sex_row, org->sex == 'M' ? 1 : org->sex == 'F' ? 2 : 0);
    }
  /* Enter in any field saves, as the button does. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

void
smt_organisation_dialog_set_text (SmtOrganisationDialog *self,
                                  const char            *field,
                                  const char            *text)
{
  struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "code", self->code_row }, { "name", self->name_row },
    { "short-name", self->short_name_row }, { "min-age", self->min_age_row },
    { "max-age", self->max_age_row }, { "position", self->position_row },
    { "reason", self->reason_row },
  };

  g_return_if_fail (SMT_IS_ORGANISATION_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].name, field) == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (rows[i].row), text);
        return;
      }
  g_return_if_reached ();
}

void
smt_organisation_dialog_set_sex (SmtOrganisationDialog *self,
                                 char                   sex)
{
  g_return_if_fail (SMT_IS_ORGANISATION_DIALOG (self));
  adw_combo_row_set_selected (self->sex_row, sex == 'M' ? 1 : sex == 'F' ? 2 : 0);
}

void
smt_organisation_dialog_set_trait (SmtOrganisationDialog *self,
                                   gint64                 trait_id)
{
  g_return_if_fail (SMT_IS_ORGANISATION_DIALOG (self));

  for (guint i = 0; i < self->trait_ids->len; i++)
    if (g_array_index (self->trait_ids, gint64, i) == trait_id)
      {
        adw_combo_row_set_selected (self->trait_row, i);
        return;
      }
  g_return_if_reached ();
}

const char *
smt_organisation_dialog_get_error (SmtOrganisationDialog *self)
{
  g_return_val_if_fail (SMT_IS_ORGANISATION_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
