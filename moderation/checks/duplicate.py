"""Find near-duplicates of published posts by the overlap of their word shingles."""

import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

SHINGLE = 3  # words per shingle; shingles() is written for three
DEFAULT_JACCARD = 0.5
CONTAINMENT = 0.8
MIN_SHINGLES_FOR_CONTAINMENT = 15
CANDIDATES = 10
SKETCH = 64
# A candidate must have at least this share of its sketch among the new post's shingles.
CANDIDATE_SHARE = 0.3
WORD = re.compile(r"[^\W_]+")


def shingles(text):
    words = WORD.findall((text or "").lower())
    if len(words) < SHINGLE:
        return {hash(tuple(words))} if words else set()
    return set(map(hash, zip(words, words[1:], words[2:], strict=False)))


@dataclass(frozen=True)
class PublishedPost:
    pk: object
    title: str
    text: str
    url: str = ""


def _text(post):
    return f"{post.title}\n{post.text}"


@dataclass(frozen=True)
class DuplicateMatch:
    post: PublishedPost
    jaccard: float
    containment: float


class DuplicateIndex:
    """Published posts, each indexed by a sketch: the smallest hashes of its shingles.

    Keeping a fixed-size sample per post (bottom-k MinHash) keeps building and memory small
    for thousands of posts. A published post whose sample is mostly found among a new post's
    shingles is a candidate; candidates are then compared exactly, shingle by shingle.
    """

    def __init__(self, posts=()):
        self.posts = list(posts)
        self.sizes = []
        index = defaultdict(list)
        for position, post in enumerate(self.posts):
            shingle_set = shingles(_text(post))
            self.sizes.append(len(shingle_set))
            for shingle in heapq.nsmallest(SKETCH, shingle_set):
                index[shingle].append(position)
        self.index = {shingle: tuple(positions) for shingle, positions in index.items()}

    def __len__(self):
        return len(self.posts)

    def most_similar(self, text, threshold=DEFAULT_JACCARD, exclude=None):
        mine = shingles(text)
        if not mine or not self.posts:
            return None
        hits = Counter()
        for shingle in mine:
            for position in self.index.get(shingle, ()):
                hits[position] += 1
        best = None
        for position, count in hits.most_common(CANDIDATES):
            post = self.posts[position]
            if count < CANDIDATE_SHARE * min(SKETCH, self.sizes[position]):
                break
            if exclude is not None and post.pk == exclude:
                continue
            theirs = shingles(_text(post))
            shared = len(mine & theirs)
            jaccard = shared / len(mine | theirs)
            smaller = min(len(mine), len(theirs))
            containment = shared / smaller if smaller else 0.0
            duplicate = jaccard >= threshold or (
                smaller >= MIN_SHINGLES_FOR_CONTAINMENT and containment >= CONTAINMENT
            )
            if duplicate and (best is None or jaccard > best.jaccard):
                best = DuplicateMatch(post, jaccard, containment)
        return best
