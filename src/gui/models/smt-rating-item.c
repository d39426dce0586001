/* smt-rating-item.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/register/smt-text.h"

#include "smt-rating-item.h"

struct _SmtRatingItem
{
  GObject  parent_instance;

  gint64   id;
  gint64   scale_id;   /* the scale its levels are of */
  gint64   rating_id;
  char    *name;
  char    *folded;     /* the name without tones, for the filter */
  char    *branch;
  char    *previous;   /* last year's level, by name; "" when none */
  char    *level_code; /* NULL when not rated */
  int      level;
};

G_DEFINE_FINAL_TYPE (SmtRatingItem, smt_rating_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
smt_rating_item_finalize (GObject *object)
{
  SmtRatingItem *self = (SmtRatingItem *) object;

  g_free (self->name);
  g_free (self->folded);
  g_free (self->branch);
  g_free (self->previous);
  g_free (self->level_code);

  G_OBJECT_CLASS (smt_rating_item_parent_class)->finalize (object);
}

static void
smt_rating_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmtRatingItem *self = SMT_RATING_ITEM (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smt_rating_item_class_init (SmtRatingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smt_rating_item_finalize;
  object_class->get_property = smt_rating_item_get_property;

  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smt_rating_item_init (SmtRatingItem *self)
{
  self->level = -1;
}

SmtRatingItem *
smt_rating_item_new (const SmtRatingSheetRow *row,
                     int                 level)
{
  SmtRatingItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (SMT_TYPE_RATING_ITEM, NULL);
  self->id = row->id;
  self->scale_id = row->scale_id;
  self->name = g_strdup (row->name);
  self->folded = smt_text_fold (row->name);
  self->branch = g_strdup (row->branch != NULL ? row->branch : "");
  self->previous = g_strdup (row->previous_name != NULL ? row->previous_name : "");
  self->rating_id = row->rating_id;
  self->level_code = g_strdup (row->level_code);
  self->level = level;
  return self;
}

void
smt_rating_item_update (SmtRatingItem      *self,
                        const SmtRatingSheetRow *row,
                        int                 level)
{
  g_return_if_fail (SMT_IS_RATING_ITEM (self));
  g_return_if_fail (row != NULL && row->id == self->id);

  self->rating_id = row->rating_id;
  self->scale_id = row->scale_id;
  g_free (self->level_code);
  self->level_code = g_strdup (row->level_code);
  if (g_strcmp0 (self->previous, row->previous_name ? row->previous_name : "") != 0)
    {
      g_free (self->previous);
      self->previous = g_strdup (row->previous_name ? row->previous_name : "");
    }
  if (self->level != level)
    {
      self->level = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }
}

gint64
smt_rating_item_get_id (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), 0);
  return self->id;
}

const char *
smt_rating_item_get_name (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), NULL);
  return self->name;
}

const char *
smt_rating_item_get_folded (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), NULL);
  return self->folded;
}

const char *
smt_rating_item_get_branch (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), NULL);
  return self->branch;
}

const char *
smt_rating_item_get_previous (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), NULL);
  return self->previous;
}

int
smt_rating_item_get_level (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), -1);
  return self->level;
}

const char *
smt_rating_item_get_level_code (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), NULL);
  return self->level_code;
}

gint64
smt_rating_item_get_rating_id (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), 0);
  return self->rating_id;
}

gint64
smt_rating_item_get_scale_id (SmtRatingItem *self)
{
  g_return_val_if_fail (SMT_IS_RATING_ITEM (self), 0);
  return self->scale_id;
}
