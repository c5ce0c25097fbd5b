// Linking commitments to a feedback item with a picker: the commitments of the item's promises
// first, then any other, found by words.
export const linkingMessages = {
  'linker.linkedTitle': 'Commitments that answer it',
  'linker.none': 'No commitment answers it yet.',
  'linker.owner': 'Owner: {name}',
  'linker.noOwner': 'No owner yet',
  'linker.due': 'due {date}',
  'linker.unlink': 'Unlink',
  'linker.pickTitle': 'Link a commitment',
  'linker.search': 'Find commitments by words',
  'linker.searchHint':
    'Commitments under the promises this item is about are listed first. Type words from a commitment, its promise or its owner to find others.',
  'linker.ourPromises': 'Under this item’s promises',
  'linker.otherPromises': 'Under other promises',
  'linker.linkChosen': 'Link chosen commitments',
  'linker.count': '{count} commitments match',
  'linker.countOne': '1 commitment matches',
  'linker.more': 'Showing the first {shown} matches. Type more words to narrow the list.',
  'linker.noMatches': 'No commitment matches those words.',
  'linker.typeToSearch': 'Type words to find commitments under other promises.',
  'linker.noPromise': 'Link the item to a promise to see its commitments here, or find any commitment by words.',
  'linker.chooseOne': 'Choose at least one commitment to link',
  'linker.linked': 'Linked to the commitment.',
  'linker.linkedMany': 'Linked to {count} commitments.',
} as const;
