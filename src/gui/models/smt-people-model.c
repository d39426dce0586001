/* smt-people-model.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/people/smt-people-query.h"

#include "smt-people-model.h"
#include "smt-person-item.h"

/* The people list as a GListModel. The core gives the ordered keys of the
 * matching people (cheap even for 100.000 people); the rows behind them are
 * fetched only when the view asks for them, a block at a time, and only the
 * last few blocks are kept. GTK 4.8 binds about 200 items around the
 * viewport, so a handful of blocks covers any scroll position. */

#define BLOCK_SIZE 256
#define MAX_BLOCKS 8

typedef struct
{
  guint      index;  /* first position is index * BLOCK_SIZE */
  GPtrArray *items;  /* SmtPersonItem, owned */
} Block;

struct _SmtPeopleModel
{
  GObject      parent_instance;

  /* owned */
  SmtRegister *reg;
  GArray      *ids;     /* gint64, in list order */
  char        *search;
  SmtPeopleFilter filter;     /* all but the search; its search is always NULL */
  GQueue       blocks;  /* Block *, most recently used first */
  guint64      rows_fetched;  /* rows read from the core since creation, evicted or not */
};

static void smt_people_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtPeopleModel, smt_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      smt_people_model_list_model_init))

enum {
  PROP_0,
  PROP_REGISTER,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
block_free (gpointer data)
{
  Block *block = data;

  g_ptr_array_unref (block->items);
  g_free (block);
}

static void
clear_blocks (SmtPeopleModel *self)
{
  g_queue_clear_full (&self->blocks, block_free);
}

static Block *
fetch_block (SmtPeopleModel *self,
             guint           index)
{
  g_autoptr(GError) error = NULL;
  const gint64 *ids = &g_array_index (self->ids, gint64, index * BLOCK_SIZE);
  guint n = MIN (BLOCK_SIZE, self->ids->len - index * BLOCK_SIZE);
  g_autofree SmtPersonRow *rows = g_new0 (SmtPersonRow, n);
  Block *block;

  if (!smt_people_fetch_rows (self->reg, ids, n, NULL, rows, &error))
    {
      /* A list must hand out an item for every position it counts; an empty
       * row is the honest thing to show when the register cannot be read. */
      g_warning ("Cannot read people %u–%u: %s",
                 index * BLOCK_SIZE, index * BLOCK_SIZE + n - 1, error->message);
      for (guint i = 0; i < n; i++)
        {
          smt_person_row_clear (&rows[i]);
          rows[i] = (SmtPersonRow) { .id = ids[i] };
        }
    }

  self->rows_fetched += n;
  block = g_new0 (Block, 1);
  block->index = index;
  block->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (block->items, smt_person_item_new (&rows[i]));
      smt_person_row_clear (&rows[i]);
    }
  return block;
}

static Block *
lookup_block (SmtPeopleModel *self,
              guint           index)
{
  Block *block;

  for (GList *l = self->blocks.head; l != NULL; l = l->next)
    {
      block = l->data;
      if (block->index == index)
        {
          if (l != self->blocks.head)
            {
              g_queue_unlink (&self->blocks, l);
              g_queue_push_head_link (&self->blocks, l);
            }
          return block;
        }
    }

  block = fetch_block (self, index);
  g_queue_push_head (&self->blocks, block);
  while (self->blocks.length > MAX_BLOCKS)
    block_free (g_queue_pop_tail (&self->blocks));
  return block;
}

static GType
smt_people_model_get_item_type (GListModel *model)
{
  return SMT_TYPE_PERSON_ITEM;
}

static guint
smt_people_model_get_n_items (GListModel *model)
{
  SmtPeopleModel *self = SMT_PEOPLE_MODEL (model);

  return self->ids->len;
}

static gpointer
smt_people_model_get_item (GListModel *model,
                           guint       position)
{
  SmtPeopleModel *self = SMT_PEOPLE_MODEL (model);
  Block *block;

  if (position >= self->ids->len)
    return NULL;

  block = lookup_block (self, position / BLOCK_SIZE);
  return g_object_ref (g_ptr_array_index (block->items, position % BLOCK_SIZE));
}

static void
smt_people_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = smt_people_model_get_item_type;
  iface->get_n_items = smt_people_model_get_n_items;
  iface->get_item = smt_people_model_get_item;
}

static void
smt_people_model_finalize (GObject *object)
{
  SmtPeopleModel *self = (SmtPeopleModel *) object;

  clear_blocks (self);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (smt_people_model_parent_class)->finalize (object);
}

static void
smt_people_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmtPeopleModel *self = SMT_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smt_people_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SmtPeopleModel *self = SMT_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      self->reg = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smt_people_model_class_init (SmtPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smt_people_model_finalize;
  object_class->get_property = smt_people_model_get_property;
  object_class->set_property = smt_people_model_set_property;

  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL,
                         SMT_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smt_people_model_init (SmtPeopleModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&self->blocks);
}

/**
 * smt_people_model_new:
 * @reg: an open register
 *
 * The model starts empty; smt_people_model_refresh() or
 * smt_people_model_set_search() fills it.
 *
 * Returns: (transfer full): a new model
 */
SmtPeopleModel *
smt_people_model_new (SmtRegister *reg)
{
  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  return g_object_new (SMT_TYPE_PEOPLE_MODEL, "register", reg, NULL);
}

SmtRegister *
smt_people_model_get_register (SmtPeopleModel *self)
{
  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), NULL);
  return self->reg;
}

const char *
smt_people_model_get_search (SmtPeopleModel *self)
{
  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), NULL);
  return self->search;
}

/**
 * smt_people_model_refresh:
 * @self: a model
 * @error: where to put a database error
 *
 * Asks the register again for the people matching the current search and
 * replaces the whole list. On error the list is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
smt_people_model_refresh (SmtPeopleModel  *self,
                          GError         **error)
{
  SmtPeopleFilter filter = self->filter;
  g_autoptr(GArray) ids = NULL;
  guint removed;

  filter.search = self->search;

  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ids = smt_people_query_ids (self->reg, &filter, error);
  if (ids == NULL)
    return FALSE;

  /* Two signals, not one: on a single "removed N, added M" the list view
   * looks for the items it shows among the added ones, asking for each of
   * them, which would fetch nearly every row of a short search at
   * 100.000 people. The model is empty between the two. */
  removed = self->ids->len;
  clear_blocks (self);
  g_array_set_size (self->ids, 0);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  if (self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->ids->len);
  return TRUE;
}

/**
 * smt_people_model_set_search:
 * @self: a model
 * @search: (nullable): words to find in the names, with or without
 *   diacritics; %NULL or "" for everyone
 * @error: where to put a database error
 *
 * Returns: %TRUE on success (also when the search did not change)
 */
gboolean
smt_people_model_set_search (SmtPeopleModel  *self,
                             const char      *search,
                             GError         **error)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), FALSE);

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (search, self->search) == 0)
    return TRUE;

  old = g_steal_pointer (&self->search);
  self->search = g_strdup (search);
  if (!smt_people_model_refresh (self, error))
    {
      g_free (self->search);
      self->search = g_steal_pointer (&old);
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  return TRUE;
}

/* The key at position, without fetching its row; 0 when out of range. */
gint64
smt_people_model_get_id (SmtPeopleModel *self,
                         guint           position)
{
  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * smt_people_model_get_rows_fetched:
 * @self: a model
 *
 * How many rows the model has read from the register since it was made,
 * summed over every block fetched: a block read again after its eviction
 * counts again. Tests use it to check that a view only materialises the
 * rows around what it shows.
 *
 * Returns: the number of rows fetched so far
 */
guint64
smt_people_model_get_rows_fetched (SmtPeopleModel *self)
{
  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), 0);
  return self->rows_fetched;
}

/**
 * smt_people_model_set_filter:
 * @self: a model
 * @filter: (nullable): hamlet, organisation, sex, age, status and Party
 *   filters (its search is ignored: see smt_people_model_set_search()),
 *   %NULL for none
 * @error: where to put a database error
 *
 * Returns: %TRUE on success; on error the list and its filter are left as
 *   they were
 */
gboolean
smt_people_model_set_filter (SmtPeopleModel         *self,
                             const SmtPeopleFilter  *filter,
                             GError                **error)
{
  SmtPeopleFilter old;

  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), FALSE);

  old = self->filter;
  if (filter != NULL)
    self->filter = *filter;
  else
    memset (&self->filter, 0, sizeof self->filter);
  self->filter.search = NULL;
  if (!smt_people_model_refresh (self, error))
    {
      self->filter = old;
      return FALSE;
    }
  return TRUE;
}

const SmtPeopleFilter *
smt_people_model_get_filter (SmtPeopleModel *self)
{
  g_return_val_if_fail (SMT_IS_PEOPLE_MODEL (self), NULL);
  return &self->filter;
}
